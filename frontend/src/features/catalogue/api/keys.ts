// Every catalogue query key starts with `catalogue`: a change made by a coordinator can show in
// any list or page (a session's title is also on its programme's page, the home page, the
// search…), so mutations invalidate the whole prefix rather than guess which views it reached.
export const catalogueKey = ['catalogue'] as const;
