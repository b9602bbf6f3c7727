/** A server's log lines (pino JSON), parsed. */
export interface LogLine {
  level: number;
  msg?: string;
  requestId?: string;
  err?: { message?: string; stack?: string };
  [key: string]: unknown;
}

export const INFO = 30;
export const ERROR = 50;

export const parseLogs = (logs: string[]): LogLine[] =>
  logs.flatMap((chunk) => chunk.split("\n")).filter(Boolean).map((l) => JSON.parse(l) as LogLine);

/** The lines of one request, by its id. */
export const linesOf = (logs: string[], requestId: string) => parseLogs(logs).filter((l) => l.requestId === requestId);

/** The access lines ("graphql operation") of one request. */
export const accessLines = (logs: string[], requestId: string) => linesOf(logs, requestId).filter((l) => l.msg === "graphql operation");
