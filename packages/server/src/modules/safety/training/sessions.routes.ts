import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AttendanceService } from './attendance.service.js';
import {
  AttendanceRates,
  AttendeeCandidates,
  CreateSessionBody,
  InvitedSessionList,
  MySessionsQuery,
  RatesQuery,
  RecordAttendanceBody,
  SessionDetail,
  SessionList,
  SessionListQuery,
  SessionParams,
  UpdateSessionBody,
} from './sessions.schema.js';
import { SessionsService } from './sessions.service.js';

export const sessionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { audit, db } = app.services;
  const sessions = new SessionsService(audit, db.kysely);
  const attendance = new AttendanceService(audit, db.kysely, sessions);
  const tags = ['training'];
  const read = { permission: 'training:read' } as const;
  const manage = { permission: 'training:manage' } as const;

  app.get('/training/sessions', { config: read, schema: { tags, summary: 'Training sessions organised in your ground, newest first, each with its attendance tally; filter by days of the start and by course', querystring: SessionListQuery, response: { 200: SessionList } } }, (request) =>
    sessions.list(request.ctx, request.query),
  );

  app.get('/training/my-sessions', { config: read, schema: { tags, summary: 'The sessions you are on the roster of, wherever they are organised, with your own record', querystring: MySessionsQuery, response: { 200: InvitedSessionList } } }, (request) =>
    attendance.mySessions(request.ctx, request.query),
  );

  app.get('/training/sessions/:id', { config: read, schema: { tags, summary: 'One session: the roster with what each watched when it lies in your ground, else your own record if you are on it', params: SessionParams, response: { 200: SessionDetail } } }, (request) =>
    sessions.get(request.ctx, request.params.id),
  );

  app.post('/training/sessions', { config: manage, schema: { tags, summary: 'Organise a session of a course; the roster is drawn from the units and accounts named, within your ground', body: CreateSessionBody, response: { 201: SessionDetail } } }, async (request, reply) =>
    reply.status(201).send(await sessions.create(request.ctx, request.body)),
  );

  app.patch('/training/sessions/:id', { config: manage, schema: { tags, summary: 'Change a session over the version read; new targets re-draw the roster (who already watched stays)', params: SessionParams, body: UpdateSessionBody, response: { 200: SessionDetail } } }, (request) =>
    sessions.update(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/training/sessions/:id/attendance',
    {
      config: { permission: 'training:attend' },
      schema: { tags, summary: 'Record the minutes watched so far: your own, or (organiser) someone on the roster; over the version of that row', params: SessionParams, body: RecordAttendanceBody, response: { 200: SessionDetail } },
    },
    (request) => attendance.record(request.ctx, request.params.id, request.body),
  );

  app.get('/training/attendance-rates', { config: read, schema: { tags, summary: 'Attendance rate (参训率) per unit over the sessions of your ground, one session or a period; lowest first', querystring: RatesQuery, response: { 200: AttendanceRates } } }, (request) =>
    attendance.rates(request.ctx, request.query),
  );

  app.get('/training/attendee-candidates', { config: manage, schema: { tags, summary: 'Units and accounts of your ground a session may require', response: { 200: AttendeeCandidates } } }, (request) =>
    attendance.candidates(request.ctx),
  );
};
