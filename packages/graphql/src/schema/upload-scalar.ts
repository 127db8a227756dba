import { GraphQLScalarType } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import type { CsvFile } from '../csv-import.js';

/** A file of a GraphQL multipart request (yoga places a `File` in the variables); input only. */
export const UploadScalar = new GraphQLScalarType<CsvFile, never>({
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

function isUploadedFile(value: unknown): value is CsvFile {
  return typeof value === 'object' && value !== null && typeof (value as { stream?: unknown }).stream === 'function';
}
