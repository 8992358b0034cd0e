// Names for the generated API types used across the app, derived from the public paths
// (which only change with a decision record) rather than from component names.
import type { paths } from './schema';

type Json<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;
type RequestJson<Op> = Op extends { requestBody?: infer RB } ? Json<NonNullable<RB>> : never;

type Identity = {
  register: paths['/api/identity/auth/register']['post'];
  login: paths['/api/identity/auth/login']['post'];
  me: paths['/api/identity/users/me'];
  countries: paths['/api/identity/countries']['get'];
  organisations: paths['/api/identity/organisations']['get'];
};

export type User = Json<Identity['me']['get']['responses'][200]>;
export type UserUpdate = RequestJson<Identity['me']['patch']>;
export type RegisterInput = RequestJson<Identity['register']>;
export type LoginInput = RequestJson<Identity['login']>;
export type LoginResult = Json<Identity['login']['responses'][200]>;
export type CountryList = Json<Identity['countries']['responses'][200]>;
export type Country = CountryList['items'][number];
export type OrganisationPage = Json<Identity['organisations']['responses'][200]>;
export type Organisation = OrganisationPage['items'][number];
export type Gender = NonNullable<RegisterInput['gender']>;
