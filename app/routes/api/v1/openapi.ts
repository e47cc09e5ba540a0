import { env } from '#app/env.server.ts'
import { API_RATE_LIMIT } from '#app/employer/api-scopes.ts'

const problem = { $ref: '#/components/schemas/Problem' }
const errors = {
  '401': {
    description: 'No, unknown or revoked token',
    content: { 'application/problem+json': { schema: problem } },
  },
  '403': {
    description: 'The token lacks the scope',
    content: { 'application/problem+json': { schema: problem } },
  },
  '404': {
    description: 'Not this token’s organisation, or no such organisation',
    content: { 'application/problem+json': { schema: problem } },
  },
  '429': {
    description: `More than ${API_RATE_LIMIT} requests a minute`,
    headers: { 'Retry-After': { schema: { type: 'integer' } } },
    content: { 'application/problem+json': { schema: problem } },
  },
}
const slug = {
  name: 'slug',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  example: 'klantcontact-noord',
}
const page = { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } }

/** The read-only HR API, described as OpenAPI 3.1. */
export function loader() {
  return Response.json(
    {
      openapi: '3.1.0',
      info: {
        title: 'Leerplein Contactcenter HR API',
        version: '1.0.0',
        description:
          'Read-only access for HR systems to one organisation’s staff progress per work process, the completion records earned there and (scope `quality:read`) its contact evaluations. Create a token as employer admin at /orgs/<org>/api-tokens and send it as `Authorization: Bearer lp_…`. A token reads its own organisation only.',
      },
      servers: [{ url: `${env.PUBLIC_URL}/api/v1` }],
      security: [{ bearer: [] }],
      paths: {
        '/orgs/{slug}/staff': {
          get: {
            summary: 'Staff progress per work process (the employer matrix), 50 per page',
            description: 'Scope `progress:read`.',
            parameters: [
              slug,
              page,
              {
                name: 'dossier',
                in: 'query',
                schema: { type: 'string' },
                example: 'contactcenter-teamleider',
              },
              { name: 'team', in: 'query', schema: { type: 'string' }, description: 'A team id' },
              { name: 'q', in: 'query', schema: { type: 'string' }, description: 'Part of a name' },
            ],
            responses: {
              '200': {
                description: 'One page',
                content: {
                  'application/json': { schema: { $ref: '#/components/schemas/StaffPage' } },
                },
              },
              ...errors,
            },
          },
        },
        '/orgs/{slug}/records': {
          get: {
            summary: 'Completion records earned in the organisation, 200 per page, newest first',
            description: 'Scope `records:read`.',
            parameters: [slug, page],
            responses: {
              '200': {
                description: 'One page',
                content: {
                  'application/json': { schema: { $ref: '#/components/schemas/RecordPage' } },
                },
              },
              ...errors,
            },
          },
        },
        '/orgs/{slug}/evaluations': {
          get: {
            summary: 'Contact evaluations in the organisation, 100 per page, newest contact first',
            description:
              'Scope `quality:read`. An evaluation is personal data about a named agent: this feed carries scores and facts of the contact only. Item comments, the evaluator’s comment and dispute or resolution texts are never included; they stay inside the application. Calibration scores are not evaluations and are left out.',
            parameters: [
              slug,
              page,
              {
                name: 'since',
                in: 'query',
                schema: { type: 'string', format: 'date' },
                description: 'Only contacts on or after this day (Europe/Amsterdam)',
                example: '2026-11-01',
              },
            ],
            responses: {
              '200': {
                description: 'One page',
                content: {
                  'application/json': { schema: { $ref: '#/components/schemas/EvaluationPage' } },
                },
              },
              '400': {
                description: '`since` is not a date',
                content: { 'application/problem+json': { schema: problem } },
              },
              ...errors,
            },
          },
        },
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
        schemas: {
          Problem: {
            type: 'object',
            properties: {
              type: { type: 'string' },
              title: { type: 'string' },
              status: { type: 'integer' },
            },
          },
          Step: {
            type: 'object',
            properties: {
              step: { type: 'integer', minimum: 0, maximum: 4 },
              status: {
                enum: [
                  'not_started',
                  'learning',
                  'knowledge_complete',
                  'demonstrated',
                  'competent',
                ],
              },
            },
          },
          StaffPage: {
            type: 'object',
            properties: {
              organisation: { type: 'string' },
              dossier: { type: 'string' },
              page: { type: 'integer' },
              pages: { type: 'integer' },
              total: { type: 'integer' },
              staff: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'string' },
                    name: { type: 'string' },
                    email: { type: 'string' },
                    teams: { type: 'array', items: { type: 'string' } },
                    workProcesses: {
                      type: 'object',
                      description: 'Keyed by work-process code, e.g. TL-K2-W3',
                      additionalProperties: { $ref: '#/components/schemas/Step' },
                    },
                  },
                },
              },
            },
          },
          RecordPage: {
            type: 'object',
            properties: {
              organisation: { type: 'string' },
              page: { type: 'integer' },
              pages: { type: 'integer' },
              total: { type: 'integer' },
              records: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'string', format: 'uuid' },
                    name: { type: 'string' },
                    email: { type: ['string', 'null'] },
                    level: { enum: ['work_process', 'core_task', 'qualification'] },
                    code: { type: 'string' },
                    dossier: {
                      type: 'object',
                      properties: { slug: { type: 'string' }, version: { type: 'integer' } },
                    },
                    issuedAt: { type: 'string', format: 'date-time' },
                    validUntil: { type: ['string', 'null'], format: 'date-time' },
                    status: { enum: ['valid', 'revoked', 'expired'] },
                    verifyUrl: { type: 'string', format: 'uri' },
                    credentialUrl: {
                      type: 'string',
                      format: 'uri',
                      description: 'The signed VC-JWT',
                    },
                  },
                },
              },
            },
          },
          EvaluationPage: {
            type: 'object',
            properties: {
              organisation: { type: 'string' },
              page: { type: 'integer' },
              pages: { type: 'integer' },
              total: { type: 'integer' },
              evaluations: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'string' },
                    contactAt: { type: 'string', format: 'date-time' },
                    agent: {
                      type: 'object',
                      properties: { name: { type: 'string' }, email: { type: 'string' } },
                    },
                    evaluator: { type: 'string', description: 'The evaluator’s name' },
                    scorecard: {
                      type: 'object',
                      properties: { name: { type: 'string' }, version: { type: 'integer' } },
                    },
                    channel: { enum: ['phone', 'chat', 'email', 'social'] },
                    externalId: {
                      type: ['string', 'null'],
                      description: 'The contact’s id in the telephony or QA system',
                    },
                    clientBrand: { type: ['string', 'null'] },
                    score: { type: 'number', minimum: 0, maximum: 100 },
                    passed: { type: 'boolean' },
                    criticalFailed: { type: 'boolean' },
                    status: { enum: ['open', 'acknowledged', 'disputed', 'upheld', 'changed'] },
                    workProcesses: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          dossier: { type: 'string' },
                          code: { type: 'string', example: 'TL-K2-W3' },
                          score: { type: 'number', minimum: 0, maximum: 100 },
                          passed: { type: 'boolean' },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    { headers: { 'Access-Control-Allow-Origin': '*' } },
  )
}
