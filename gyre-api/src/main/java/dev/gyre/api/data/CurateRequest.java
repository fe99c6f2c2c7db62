package dev.gyre.api.data;

import java.util.Map;

/** {@code {recipe:{steps:[{op, ...}]}}}: the recipe is read by gyre-core's Recipe, which names a bad step. */
public record CurateRequest(Map<String, Object> recipe) {
}
