import { setupServer } from 'msw/node';
import { catalogueHandlers } from './catalogue';
import { expertsHandlers } from './experts';
import { handlers } from './handlers';
import { publicationsHandlers } from './publications';

export const server = setupServer(
  ...handlers,
  ...catalogueHandlers,
  ...expertsHandlers,
  ...publicationsHandlers,
);
