package org.paperclub.system;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Answers 408 to a request whose body stops arriving. Micronaut's idle handler fires a read-idle event after
 * {@code micronaut.server.read-idle-timeout} without a byte, but nothing acts on it: a stalled upload would hold its
 * connection until the all-idle timeout closes it without a word. This answers it with a problem+json 408 and closes
 * the connection, which frees the upload's buffers and temporary file.
 */
@Singleton
class StalledRequests implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private final String body;

    StalledRequests(@Value("${micronaut.server.read-idle-timeout:5m}") Duration readTimeout) {
        String detail = "The upload stopped arriving for " + readTimeout.toSeconds()
                + " seconds, so nothing was saved. Check your connection and send it again.";
        this.body = "{\"type\":\"about:blank\",\"title\":\"Request Timeout\",\"status\":408,\"detail\":\"" + detail + "\"}";
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    private final class Customizer implements NettyServerCustomizer {
        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null) {
                channel.pipeline().addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, "paperclub-stalled-requests",
                        new Handler());
            }
        }
    }

    /** One per connection: knows whether a request body is still arriving and whether its answer has begun. */
    private final class Handler extends ChannelDuplexHandler {
        private boolean reading;
        private boolean answering;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof HttpRequest) {
                reading = true;
                answering = false;
            }
            if (msg instanceof LastHttpContent) {
                reading = false;
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            // A "100 Continue" invites the body; it is not the answer.
            if (msg instanceof HttpResponse r && r.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
                answering = true;
            }
            super.write(ctx, msg, promise);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE && reading) {
                reading = false;
                if (answering) {
                    // An answer (say a 401 or 413) is already on its way: the client has stopped sending, so stop waiting.
                    ctx.close();
                } else {
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_TIMEOUT,
                            Unpooled.wrappedBuffer(bytes));
                    response.headers().set(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                            .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length)
                            .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                }
                return;
            }
            super.userEventTriggered(ctx, evt);
        }
    }
}
