/** Runs async sections one at a time, in the order they asked. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(section: () => T | PromiseLike<T>): Promise<T> {
    const result = this.tail.then(() => section());
    this.tail = result.catch(() => undefined);
    return result;
  }
}
