import { Type, type Static } from 'typebox';

const Id = Type.String({ minLength: 1, maxLength: 64 });

export const HazardPhoto = Type.Object({
  id: Type.String({ description: 'The photo id a rectification submission names in `photos`' }),
  hazardId: Type.String(),
  mime: Type.Union([Type.Literal('image/jpeg'), Type.Literal('image/png'), Type.Literal('image/webp')], { description: 'As recognised from the content' }),
  bytes: Type.Integer(),
  sha256: Type.String(),
  uploadedBy: Type.Union([Type.String(), Type.Null()], { description: 'Display name of the uploader' }),
  uploadedAt: Type.String(),
  url: Type.String({ description: 'GET it for the bytes' }),
});
export type HazardPhoto = Static<typeof HazardPhoto>;

export const HazardPhotoParams = Type.Object({ id: Id, photoId: Id });
