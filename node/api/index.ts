export { ApiServer, type ApiRequest, type Route, type RouteHandler, type RouteResult, type StreamResult, type ApiServerInit } from './server.js'
export { ApiError } from './http-error.js'
