package dev.gyre.gateway.problem;

import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProblemConfiguration {

    @Bean
    ProblemWriter problemWriter(JsonMapper jsonMapper) {
        return new ProblemWriter(jsonMapper);
    }

    @Bean
    ProblemExceptionHandler problemExceptionHandler(ProblemWriter problems) {
        return new ProblemExceptionHandler(problems);
    }

    @Bean
    BareErrorProblemFilter bareErrorProblemFilter(ProblemWriter problems) {
        return new BareErrorProblemFilter(problems);
    }

    /** Puts a {@link DecoderFailureProblemHandler} right after the HTTP/1.1 codec of every connection. */
    @Bean
    NettyServerCustomizer decoderFailureProblems(ProblemWriter problems) {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "gyre.decoderFailureProblems",
                        new DecoderFailureProblemHandler(problems));
            }
        });
    }
}
