package dev.gyre.training.job;

import java.util.function.Supplier;

import dev.gyre.boot.peer.Peer;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * A training job's calls to data-service and registry-service: gyre-boot's {@link Peer} translates their failures,
 * and a job records the problem's detail as its error (a job has no HTTP answer to carry the problem itself).
 */
@Component
class PeerCalls {

    /** Calls a peer, turning its failure into a sentence that names it. */
    <T> T peer(String service, String what, Supplier<T> call) {
        try {
            return new Peer(service).call(what, call);
        } catch (ErrorResponseException e) {
            throw new TrainingFailure(e.getBody().getDetail());
        }
    }
}
