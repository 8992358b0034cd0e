// Every enrollment query key starts with `enrollment`: a move of one application changes the list,
// its detail (timeline) and the session's seats, so mutations invalidate the whole prefix.
export const enrollmentKey = ['enrollment'] as const;
