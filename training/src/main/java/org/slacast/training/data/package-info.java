/**
 * From tickets to examples: the replay of a desk's history that takes each ticket's features at its checkpoints,
 * seeing only what was known then, and the split of tickets by time into training, validation and test.
 */
package org.slacast.training.data;
