import {
  type DestinationStream,
  type LevelWithSilent,
  type LoggerOptions,
  type Logger as PinoLogger,
  pino,
} from "pino";
import { redactText } from "../../core/redact.js";
import { redactLogFields } from "./redact-log-fields.js";

export type AppLogger = PinoLogger;

export interface LoggerSettings {
  level: LevelWithSilent;
  /** Where JSON lines go (default: standard output). Tests pass a stream they read. */
  destination?: DestinationStream;
}

/** The process's pino logger: JSON lines, ISO times, and no secret value in any field or message. */
export function createLogger(settings: LoggerSettings): AppLogger {
  const options: LoggerOptions = {
    level: settings.level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      bindings: (bindings) => redactLogFields(bindings),
      log: (fields) => redactLogFields(fields),
    },
    hooks: {
      logMethod(args, method) {
        const redacted = args.map((arg) => (typeof arg === "string" ? redactText(arg) : arg));
        method.apply(this, redacted as Parameters<typeof method>);
      },
    },
  };
  const logger = settings.destination ? pino(options, settings.destination) : pino(options);
  return redactChildBindings(logger);
}

/** pino applies `formatters.bindings` to the root only; children inherit this override through their prototype. */
function redactChildBindings(logger: AppLogger): AppLogger {
  const child = logger.child;
  logger.child = function (this: AppLogger, bindings, childOptions) {
    return child.call(this, redactLogFields(bindings), childOptions);
  } as AppLogger["child"];
  return logger;
}
