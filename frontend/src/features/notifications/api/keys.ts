// Every notifications query key starts with `notifications`: marking one read changes the list
// and the bell's count.
export const notificationsKey = ['notifications'] as const;
