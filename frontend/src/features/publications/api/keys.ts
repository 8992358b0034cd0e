// Every library query key starts with `publications`: a coordinator's change (a new file, a
// publication, a withdrawal) can show in the search, the record page and the management list, so
// mutations invalidate the whole prefix rather than guess which views it reached.
export const publicationsKey = ['publications'] as const;
