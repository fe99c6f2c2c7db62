/** Background workers over a job queue that lives in the service's database. */
package dev.gyre.boot.queue;
