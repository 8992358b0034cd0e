// RFC 9457 problem details, the error shape of every ALGA service and of the gateway.
// Read defensively at run time: a proxy or a crash can still answer with something else,
// and not every generated OpenAPI document declares the error bodies.

export interface FieldProblem {
  /** Dot path of the field at fault, e.g. `password` or `address.city`. */
  field: string;
  message: string;
  code: string;
}

export interface Problem {
  status: number;
  title: string;
  detail?: string;
  type?: string;
  errors: FieldProblem[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function toProblem(body: unknown, status: number): Problem {
  if (!isRecord(body)) return { status, title: '', errors: [] };
  const errors = Array.isArray(body.errors)
    ? body.errors.filter(isRecord).map((e) => ({
        field: String(e.field ?? ''),
        message: String(e.message ?? ''),
        code: String(e.code ?? ''),
      }))
    : [];
  return {
    status: typeof body.status === 'number' ? body.status : status,
    title: typeof body.title === 'string' ? body.title : '',
    detail: typeof body.detail === 'string' ? body.detail : undefined,
    type: typeof body.type === 'string' ? body.type : undefined,
    errors,
  };
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}
