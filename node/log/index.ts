export { createLogger, silentLogger, isLogLevel, LOG_LEVELS, type Logger, type LoggerInit, type LogLevel, type LogFormat, type LogContext } from './logger.js'
