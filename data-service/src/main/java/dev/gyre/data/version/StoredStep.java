package dev.gyre.data.version;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One curation step's outcome as the {@code curation} column stores it; {@code fitted} absent in older rows. */
record StoredStep(String op, long rowsChanged, long valuesChanged,
                  @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> fitted) {
}
