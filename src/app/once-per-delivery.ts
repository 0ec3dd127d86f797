// Runs a delivery's work unless the delivery log says it is running or done;
// `work` answers whether it succeeded (a failed one may be redelivered).
import type { DeliveryLog } from './delivery-log.js';

export async function oncePerDelivery(deliveries: DeliveryLog, id: string, log: { info(message: string): void }, work: () => Promise<boolean>): Promise<void> {
  if (!deliveries.begin(id)) {
    log.info(`kubegate: delivery ${id} was already handled; ignored`);
    return;
  }
  let succeeded = false;
  try {
    succeeded = await work();
  } finally {
    deliveries.end(id, succeeded);
  }
}
