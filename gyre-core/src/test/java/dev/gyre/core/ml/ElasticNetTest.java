package dev.gyre.core.ml;

import java.util.ArrayList;
import java.util.List;

import dev.gyre.core.features.Penguins;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ElasticNetTest {

    @Test
    void keepsThePenaltiesForAUnitTargetAndScalesOnlyTheL1TermWithTheTargetsSpread() {
        ElasticNet net = new ElasticNet(0.01, 0.5, 1000);
        assertThat(net.penalty(1.0)).isEqualTo(new ElasticNet.Penalty(0.01, 0.5));
        // L1 = 0.01 * 0.5 * 10 = 0.05, L2 = 0.01 * 0.5 = 0.005
        ElasticNet.Penalty scaled = net.penalty(10.0);
        assertThat(scaled.alpha()).isCloseTo(0.055, within(1e-15));
        assertThat(scaled.l1Ratio()).isCloseTo(0.05 / 0.055, within(1e-15));
        assertThat(new ElasticNet(0, 0.5, 1000).penalty(3.0)).isEqualTo(new ElasticNet.Penalty(0, 1.0));
        assertThat(new ElasticNet(0.01, 0.01, 1000).penalty(1e-12).l1Ratio()).isEqualTo(1e-9);
    }

    @Test
    void takesTheSampleStandardDeviationOfTheTargetAndOneForAConstantTarget() {
        assertThat(ElasticNet.targetStd(target(2, 4, 4, 4, 5, 5, 7, 9))).isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
        assertThat(ElasticNet.targetStd(target(3, 3, 3))).isEqualTo(1.0);
        assertThat(ElasticNet.targetStd(target(3))).isEqualTo(1.0);
    }

    // the reason for the conversion: the same alpha fits body mass in grams and in kilograms alike
    @Test
    void fitsTheSameModelWhateverTheTargetsUnits() {
        MutableDataset<Regressor> grams = Penguins.bodyMass();
        MutableDataset<Regressor> kilograms = new MutableDataset<>(grams.getProvenance(), new RegressionFactory());
        for (Example<Regressor> example : grams) {
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (Feature f : example) {
                names.add(f.getName());
                values.add(f.getValue());
            }
            Regressor mass = example.getOutput();
            kilograms.add(new ArrayExample<>(new Regressor(mass.getNames()[0], mass.getValues()[0] / 1000),
                    names.toArray(String[]::new), values.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        ElasticNet net = new ElasticNet(0.5, 0.9, 1000);
        List<Prediction<Regressor>> inGrams = train(net, grams).predict(grams);
        List<Prediction<Regressor>> inKilograms = train(net, kilograms).predict(kilograms);
        for (int i = 0; i < inGrams.size(); i++) {
            assertThat(inKilograms.get(i).getOutput().getValues()[0] * 1000)
                    .isCloseTo(inGrams.get(i).getOutput().getValues()[0], within(0.5));
        }
    }

    @SuppressWarnings("unchecked")
    private static Model<Regressor> train(ElasticNet net, MutableDataset<Regressor> data) {
        return (Model<Regressor>) Evaluation.train(net.trainer(1), data);
    }

    private static MutableDataset<Regressor> target(double... ys) {
        MutableDataset<Regressor> data = new MutableDataset<>(Penguins.bodyMass().getProvenance(), new RegressionFactory());
        for (double y : ys) {
            data.add(new ArrayExample<>(new Regressor("y", y), new String[] {"x"}, new double[] {1}));
        }
        return data;
    }
}
