/** Datasets: a name, an optional declared schema and label column, and the number of its latest version. */
package dev.gyre.data.dataset;
