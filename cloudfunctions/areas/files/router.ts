import { z } from 'zod';
import { defineRouter } from '../../router/define';
import { fileUrl } from './url';

/** Files: a link to an uploaded licence image, for its owner and its reviewers only. */
export const filesRouter = defineRouter('files', {
  url: {
    input: z.object({ fileId: z.string().min(1).max(300) }),
    access: 'signedIn',
    handler: (input, ctx) => fileUrl(ctx, input),
  },
});
