package dev.gyre.boot.caller;

import dev.gyre.api.Caller;
import dev.gyre.api.GyreHeaders;
import org.springframework.core.MethodParameter;
import org.springframework.web.service.invoker.HttpRequestValues;
import org.springframework.web.service.invoker.HttpServiceArgumentResolver;

/** A client's {@link Caller} argument goes out as {@value GyreHeaders#USER}; a null one sends no header. */
public class CallerHeaderArgument implements HttpServiceArgumentResolver {

    @Override
    public boolean resolve(Object argument, MethodParameter parameter, HttpRequestValues.Builder request) {
        if (!Caller.class.equals(parameter.getParameterType())) {
            return false;
        }
        if (argument instanceof Caller caller) {
            request.addHeader(GyreHeaders.USER, caller.user());
        }
        return true;
    }
}
