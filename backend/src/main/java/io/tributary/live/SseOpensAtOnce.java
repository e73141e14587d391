package io.tributary.live;

import java.nio.charset.StandardCharsets;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A subscription over Server-Sent Events answers its status and headers at once, with an SSE comment line, instead of
 * with its first event or first keep-alive (15 s later): a client or proxy that sees nothing for 15 s takes the
 * service for hung, and {@code curl} shows nothing at all. Comments are ignored by every SSE client (the spec's
 * "lines starting with a colon").
 */
@Component
final class SseOpensAtOnce implements WebFilter, Ordered {

    static final String OPENED = ": subscribed\n\n";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var accept = exchange.getRequest().getHeaders().getAccept();
        if (accept.stream().noneMatch(MediaType.TEXT_EVENT_STREAM::equalsTypeAndSubtype)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .response(new OpenedAtOnce(exchange.getResponse()))
                .build());
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private static final class OpenedAtOnce extends ServerHttpResponseDecorator {

        OpenedAtOnce(ServerHttpResponse delegate) {
            super(delegate);
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            // Only an event stream gets the comment: an error answered to the same request stays a plain body.
            if (!MediaType.TEXT_EVENT_STREAM.equalsTypeAndSubtype(getHeaders().getContentType())) {
                return super.writeAndFlushWith(body);
            }
            DataBuffer opened = bufferFactory().wrap(OPENED.getBytes(StandardCharsets.UTF_8));
            return super.writeAndFlushWith(
                    Flux.<Publisher<? extends DataBuffer>>concat(Mono.just(Mono.just(opened)), body));
        }
    }
}
