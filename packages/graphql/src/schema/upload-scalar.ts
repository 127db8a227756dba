import { GraphQLScalarType } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';

/** What the multipart request parser places in the variables for each uploaded file. */
export interface UploadedFile {
  readonly name?: string;
  stream(): ReadableStream<Uint8Array>;
}

/** A file of a GraphQL multipart request; only ever an input, and only from the variables. */
export const UploadScalar = new GraphQLScalarType<UploadedFile, never>({
  name: 'Upload',
  serialize() {
    throw createGraphQLError('Upload is an input-only scalar');
  },
  parseValue(value) {
    if (isUploadedFile(value)) return value;
    throw createGraphQLError('Upload must be a file of a multipart request');
  },
  parseLiteral() {
    throw createGraphQLError('Upload must be a file of a multipart request, given through variables');
  },
});

function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === 'object' && value !== null && typeof (value as { stream?: unknown }).stream === 'function';
}
