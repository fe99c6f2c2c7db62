package dev.gyre.api.data;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** What other services read from data-service. */
@HttpExchange("/api/v1/datasets")
public interface DataApi {

    @GetExchange("/{name}")
    DatasetResponse dataset(@PathVariable String name);

    @GetExchange("/{name}/versions/{version}")
    DatasetVersionResponse version(@PathVariable String name, @PathVariable int version);

    /** The version's rows as UTF-8 CSV, header first. */
    @GetExchange(value = "/{name}/versions/{version}/content", accept = "text/csv")
    byte[] content(@PathVariable String name, @PathVariable int version);
}
