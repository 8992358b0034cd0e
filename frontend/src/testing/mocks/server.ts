import { setupServer } from 'msw/node';
import { catalogueHandlers } from './catalogue';
import { enrollmentHandlers } from './enrollment';
import { expertsHandlers } from './experts';
import { handlers } from './handlers';
import { notificationsHandlers } from './notifications';
import { publicationsHandlers } from './publications';

export const server = setupServer(
  ...handlers,
  ...catalogueHandlers,
  ...expertsHandlers,
  ...publicationsHandlers,
  ...enrollmentHandlers,
  ...notificationsHandlers,
);
