package dev.gyre.training.experiment;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.gyre.api.PageResponse;
import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.training.ExperimentResponse;
import dev.gyre.api.training.RunResponse;
import dev.gyre.boot.page.Pages;
import dev.gyre.core.ml.Metrics;
import dev.gyre.training.run.Run;
import dev.gyre.training.run.RunRepository;
import dev.gyre.training.run.Runs;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/experiments}: the experiments and each one's leaderboard of runs. */
@RestController
@RequestMapping("/api/v1/experiments")
class ExperimentController {
    private final ExperimentRepository experiments;
    private final RunRepository runs;
    private final JobCounts jobs;

    ExperimentController(ExperimentRepository experiments, RunRepository runs, JobCounts jobs) {
        this.experiments = experiments;
        this.runs = runs;
        this.jobs = jobs;
    }

    @GetMapping
    @Transactional(readOnly = true)
    public PageResponse<ExperimentResponse> experiments(@RequestParam(defaultValue = "0") int page,
                                                        @RequestParam(defaultValue = "20") int size) {
        return Pages.response(experiments.findAll(Pages.pageable(page, size, Sort.by("name"))), this::describe);
    }

    @GetMapping("/{name}")
    @Transactional(readOnly = true)
    public ExperimentResponse experiment(@PathVariable String name) {
        return describe(experiments.findById(name).orElseThrow(() -> Problems.notFound("experiment", name)));
    }

    /**
     * The leaderboard: runs best-first by {@code sort} (a metric name; runs lacking it, failed runs
     * included, come last), or newest first without {@code sort}.
     */
    @GetMapping("/{name}/runs")
    @Transactional(readOnly = true)
    public PageResponse<RunResponse> runs(@PathVariable String name, @RequestParam(required = false) String sort,
                                          @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "50") int size) {
        Pageable pageable = Pages.pageable(page, size);
        if (!experiments.existsById(name)) {
            throw Problems.notFound("experiment", name);
        }
        Comparator<Run> order = Comparator.comparing(Run::getCreatedAt).reversed();
        if (sort != null) {
            boolean higherIsBetter;
            try {
                higherIsBetter = Metrics.higherIsBetter(sort);
            } catch (IllegalArgumentException e) {
                throw Problems.of(ProblemCode.INVALID_METRIC, "sort must be a metric name (accuracy, f1_macro, "
                        + "precision_macro, recall_macro, auc, rmse, mae, r2), got '" + sort + "'", Map.of("field", "sort"));
            }
            Comparator<Double> values = higherIsBetter ? Comparator.<Double>reverseOrder() : Comparator.<Double>naturalOrder();
            order = Comparator.comparing((Run r) -> r.getMetrics().get(sort), Comparator.nullsLast(values)).thenComparing(order);
        }
        List<Run> sorted = runs.findByExperiment(name).stream().sorted(order).toList();
        return Pages.response(Pages.slice(sorted, pageable), Runs::toResponse);
    }

    private ExperimentResponse describe(Experiment experiment) {
        return new ExperimentResponse(experiment.getName(), jobs.countByExperiment(experiment.getName()),
                runs.countByExperiment(experiment.getName()), experiment.getCreatedAt());
    }
}
