/** Whether the process still takes new work; shutdown flips it before draining connections. */
export class ServerState {
  private open = true;

  accepting(): boolean {
    return this.open;
  }

  stopAccepting(): void {
    this.open = false;
  }
}
