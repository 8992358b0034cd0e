// Every experts query key starts with `experts`: a vetting decision or an edit can show in the
// directory, a profile page, the queue and the expert's own view, so mutations invalidate the
// whole prefix rather than guess which views it reached.
export const expertsKey = ['experts'] as const;
