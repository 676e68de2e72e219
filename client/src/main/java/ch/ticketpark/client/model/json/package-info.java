/**
 * JSON-B adapters for the API's formats: date-times with an offset without colon, money as string or number,
 * relations answered as a pid or as the expanded record. The model records use them through annotations; they are
 * public only because JSON-B instantiates them.
 */
package ch.ticketpark.client.model.json;
