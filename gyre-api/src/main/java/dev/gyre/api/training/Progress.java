package dev.gyre.api.training;

public record Progress(int done, int total) {
}
