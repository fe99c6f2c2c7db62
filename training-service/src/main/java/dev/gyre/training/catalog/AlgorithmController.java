package dev.gyre.training.catalog;

import java.util.List;
import java.util.Map;

import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.core.ml.Algorithm;
import dev.gyre.core.ml.AlgorithmCatalog;
import dev.gyre.core.ml.Task;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/algorithms[?task=]}: the catalog, {@code [{name, task, description, hyperparameters}]}. */
@RestController
class AlgorithmController {
    private final AlgorithmCatalog catalog;

    AlgorithmController(AlgorithmCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/algorithms")
    List<Algorithm> algorithms(@RequestParam(required = false) String task) {
        if (task == null) {
            return catalog.all();
        }
        Task wanted;
        try {
            wanted = Task.of(task);
        } catch (IllegalArgumentException e) {
            throw Problems.of(ProblemCode.INVALID_TASK, e.getMessage(), Map.of("field", "task"));
        }
        return catalog.all().stream().filter(a -> a.task() == wanted).toList();
    }
}
