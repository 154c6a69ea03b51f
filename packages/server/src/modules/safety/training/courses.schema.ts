import { Type, type Static, type TSchema } from 'typebox';
import { Page, PageQuery } from '../../../http/pagination.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const Id = Type.String({ minLength: 1, maxLength: 64 });

export const CourseKind = Type.Union([Type.Literal('video'), Type.Literal('document')]);
const Minutes = Type.Integer({ minimum: 1, maximum: 1440, description: 'Whole minutes' });
const Link = Type.String({ maxLength: 500, description: 'An http or https address where the course is watched or read' });

export const Course = Type.Object({
  id: Type.String(),
  title: Type.String(),
  source: Type.String({ description: 'Who published it' }),
  kind: CourseKind,
  durationMinutes: Type.Integer(),
  link: Nullable(Type.String()),
  fileRef: Nullable(Type.String({ description: 'Archive number or file id where there is no link' })),
  summary: Nullable(Type.String()),
  ownerRegionName: Nullable(Type.String({ description: 'The region of the account that added it' })),
  canEdit: Type.Boolean({ description: 'The caller may change it: they manage training and their ground holds its owner region' }),
  isDemo: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});
export type Course = Static<typeof Course>;

export const CourseList = Page(Course);
export const CourseParams = Type.Object({ id: Id });

export const CourseListQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the title or the source' })),
    kind: Type.Optional(CourseKind),
  },
  { additionalProperties: false },
);
export type CourseListQuery = Static<typeof CourseListQuery>;

export const CreateCourseBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    source: Type.String({ minLength: 1, maxLength: 100 }),
    kind: CourseKind,
    durationMinutes: Minutes,
    link: Type.Optional(Nullable(Link)),
    fileRef: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    summary: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type CreateCourseBody = Static<typeof CreateCourseBody>;

export const UpdateCourseBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'The version read; 428 without it, 409 when stale' })),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    source: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    kind: Type.Optional(CourseKind),
    durationMinutes: Type.Optional(Minutes),
    link: Type.Optional(Nullable(Link)),
    fileRef: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    summary: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type UpdateCourseBody = Static<typeof UpdateCourseBody>;
