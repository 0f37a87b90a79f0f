import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/** The URL without its query string: a GET carries its input (names, fiscal codes) there. */
function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * Fastify's request lines, one per request at debug instead of two at info (a short session wrote
 * 863 KB of them: issue 11): method, path, status, milliseconds. A request that ends in an error
 * Fastify could not answer stays at error; the answers of our error handler are logged there.
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = { method: request.method, path: pathOf(request.url), status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 };
    if (error) reply.log.error({ ...line, err: error }, 'richiesta non completata');
    else reply.log.debug(line, 'richiesta');
  }

  override routeNotFound(request: FastifyRequest): void {
    request.log.debug({ method: request.method, path: pathOf(request.url) }, 'percorso inesistente');
  }
}
