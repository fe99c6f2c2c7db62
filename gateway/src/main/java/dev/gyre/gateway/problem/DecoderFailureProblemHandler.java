package dev.gyre.gateway.problem;

import dev.gyre.api.ProblemCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.UUID;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Sits right after Netty's HTTP codec and answers, as problems, the requests that never reach WebFlux: those the
 * decoder refused (a request line over the limit → 414 {@code uri-too-long}, headers over the limit → 431
 * {@code request-header-fields-too-large}, anything malformed → 400 {@code malformed-request}), unknown HTTP
 * versions (505), a Host header that is not host[:port] and request targets that are not URIs (a raw backslash or
 * control character: 400 {@code invalid-path}), which Reactor Netty and Spring would refuse with an empty body. The answer comes after the responses to earlier pipelined requests; the
 * connection is closed after it, and everything after the refused request is discarded. One instance per connection.
 */
final class DecoderFailureProblemHandler extends ChannelDuplexHandler {

    private static final Logger log = LoggerFactory.getLogger(DecoderFailureProblemHandler.class);

    private final ProblemWriter problems;
    private boolean refused;
    /** Requests passed on whose response is not written yet: a refusal waits for them (pipelining). */
    private int pending;
    private Refusal deferred;

    DecoderFailureProblemHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            Refusal refusal = refusalOf(request);
            if (refusal != null) {
                refused = true;
                ReferenceCountUtil.release(msg);
                if (pending == 0) {
                    answer(ctx, refusal);
                } else {
                    deferred = refusal;
                }
                return;
            }
            pending++;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        boolean responseEnds = msg instanceof LastHttpContent && pending > 0;
        ctx.write(msg, promise);
        if (responseEnds && --pending == 0 && deferred != null) {
            Refusal refusal = deferred;
            deferred = null;
            answer(ctx, refusal);
        }
    }

    private record Refusal(ProblemCode code, String detail, Map<String, String> extra) {
        Refusal(ProblemCode code, String detail) {
            this(code, detail, Map.of());
        }
    }

    private static Refusal refusalOf(HttpRequest request) {
        DecoderResult result = request.decoderResult();
        if (result.isFailure()) {
            Throwable cause = result.cause();
            log.debug("Refusing a request the HTTP decoder could not read", cause);
            if (cause instanceof TooLongHttpLineException) {
                return new Refusal(ProblemCode.URI_TOO_LONG,
                        "The request line is longer than the gateway accepts; send long inputs in the body");
            }
            if (cause instanceof TooLongHttpHeaderException) {
                return new Refusal(ProblemCode.REQUEST_HEADER_FIELDS_TOO_LARGE,
                        "The request headers are larger than the gateway accepts");
            }
            return new Refusal(ProblemCode.MALFORMED_REQUEST, "The request is not valid HTTP/1.1");
        }
        HttpVersion version = request.protocolVersion();
        if (!HttpVersion.HTTP_1_1.equals(version) && !HttpVersion.HTTP_1_0.equals(version)) {
            return new Refusal(ProblemCode.HTTP_VERSION_NOT_SUPPORTED,
                    "Only HTTP/1.1 and HTTP/1.0 are served");
        }
        String host = request.headers().get(HttpHeaderNames.HOST);
        if (host != null && !validHost(host)) {
            return new Refusal(ProblemCode.MALFORMED_REQUEST,
                    "The Host header is not a valid host[:port]", Map.of("field", "Host"));
        }
        String target = request.uri();
        try {
            URI uri = new URI(target);
            boolean originForm = target.startsWith("/");
            boolean absoluteForm = uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme()));
            if (!originForm && !absoluteForm && !target.equals("*")) {
                return new Refusal(ProblemCode.INVALID_PATH,
                        "The request path is refused: it must start with /", Map.of("field", "path"));
            }
            return null;
        } catch (URISyntaxException e) {
            return new Refusal(ProblemCode.INVALID_PATH,
                    "The request path is refused: it is not a valid URI (a raw backslash, quote, angle bracket or "
                            + "control character, or a broken %-escape)", Map.of("field", "path"));
        }
    }

    /** A host[:port] that Reactor Netty can read; it would refuse any other with an empty 400. */
    private static boolean validHost(String host) {
        try {
            URI uri = new URI("http://" + host);
            return uri.getHost() != null && uri.getRawPath().isEmpty() && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void answer(ChannelHandlerContext ctx, Refusal refusal) {
        byte[] body = problems.body(refusal.code().status(), refusal.code().code(), refusal.detail(), null, refusal.extra());
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(refusal.code().status().value()), Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set("X-Request-Id", UUID.randomUUID().toString());
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
