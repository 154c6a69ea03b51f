import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Course, CourseList, CourseListQuery, CourseParams, CreateCourseBody, UpdateCourseBody } from './courses.schema.js';
import { CoursesService } from './courses.service.js';

export const coursesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = new CoursesService(app.services.audit, app.services.db.kysely);
  const tags = ['training'];

  app.get('/training/courses', { config: { permission: 'training:read' }, schema: { tags, summary: 'The course library (课程库), newest first; filter by part of the title or source and by kind', querystring: CourseListQuery, response: { 200: CourseList } } }, (request) =>
    service.list(request.ctx, request.query),
  );

  app.get('/training/courses/:id', { config: { permission: 'training:read' }, schema: { tags, summary: 'One course', params: CourseParams, response: { 200: Course } } }, (request) =>
    service.get(request.ctx, request.params.id),
  );

  app.post('/training/courses', { config: { permission: 'training:manage' }, schema: { tags, summary: 'Add a video or document to the library', body: CreateCourseBody, response: { 201: Course } } }, async (request, reply) =>
    reply.status(201).send(await service.create(request.ctx, request.body)),
  );

  app.patch('/training/courses/:id', { config: { permission: 'training:manage' }, schema: { tags, summary: 'Change a course added within your ground; carries the version read', params: CourseParams, body: UpdateCourseBody, response: { 200: Course } } }, (request) =>
    service.update(request.ctx, request.params.id, request.body),
  );
};
