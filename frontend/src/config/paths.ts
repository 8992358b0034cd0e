export const paths = {
  home: '/',
  catalogue: '/catalogue',
  register: '/register',
  login: '/login',
  account: '/account',
  logout: '/logout',
} as const;
