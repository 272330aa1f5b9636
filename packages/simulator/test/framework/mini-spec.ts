import type { OpenApiDocument } from '../../src/index.js';

/** A small OpenAPI 3.1 document exercising what the framework reads: templates, params, bodies, media types. */
export const miniSpec: OpenApiDocument = {
  openapi: '3.1.0',
  servers: [{ url: 'https://api.example.test/v1/mini' }],
  security: [{ apiKeyAuth: [] }],
  components: {
    securitySchemes: {
      apiKeyAuth: { type: 'apiKey', in: 'header', name: 'X-Auth-Token' },
      basicAuth: { type: 'http', scheme: 'basic' },
    },
    schemas: {
      Error: {
        type: 'object',
        required: ['message'],
        properties: { message: { type: 'string' }, errors: { type: 'array', items: { $ref: '#/components/schemas/FieldError' } } },
      },
      FieldError: { type: 'object', required: ['message'], properties: { field: { type: 'string' }, message: { type: 'string' } } },
      Item: {
        type: 'object',
        required: ['id', 'name'],
        additionalProperties: false,
        properties: { id: { type: 'integer' }, name: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } },
      },
      Filter: {
        type: 'array',
        items: {
          type: 'object',
          required: ['property', 'operator'],
          properties: { property: { type: 'string' }, operator: { enum: ['eq', 'lt'] }, value: {} },
        },
      },
    },
    parameters: {
      Limit: { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50 } },
    },
    responses: {
      Error: { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    },
  },
  paths: {
    '/items': {
      get: {
        operationId: 'listItems',
        parameters: [
          { $ref: '#/components/parameters/Limit' },
          { name: 'active', in: 'query', schema: { type: 'boolean' } },
          { name: 'ids', in: 'query', schema: { type: 'array', items: { type: 'integer' } } },
          { name: 'filter', in: 'query', 'x-pbxkit-serializer': 'json', schema: { $ref: '#/components/schemas/Filter' } },
          { name: 'fields', in: 'query', style: 'deepObject', schema: { type: 'object', additionalProperties: { type: 'string' } } },
        ],
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['data', 'total'],
                  properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Item' } }, total: { type: 'integer' } },
                },
              },
            },
          },
          '400': { $ref: '#/components/responses/Error' },
          '401': { $ref: '#/components/responses/Error' },
        },
      },
      post: {
        operationId: 'createItem',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 } } },
            },
          },
        },
        responses: {
          '201': { description: 'created', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } },
          '4XX': { $ref: '#/components/responses/Error' },
        },
      },
    },
    '/items/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
      get: {
        operationId: 'getItem',
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } },
          '404': { $ref: '#/components/responses/Error' },
        },
      },
      delete: { operationId: 'deleteItem', responses: { '204': { description: 'gone' } } },
    },
    '/items/{id}.mp3': {
      get: {
        operationId: 'downloadItemAudio',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: { '200': { description: 'audio', content: { 'audio/mpeg': { schema: { type: 'string', format: 'binary' } } } } },
      },
    },
    '/public/ping': {
      get: {
        operationId: 'ping',
        security: [],
        parameters: [{ name: 'X-Language', in: 'header', schema: { type: 'string', enum: ['en', 'de'] } }],
        responses: { '200': { description: 'pong', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
  },
};
