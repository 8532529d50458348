import Dispatch

/// A task executor with one thread of its own (a serial Dispatch queue): tasks that prefer it run
/// there and nowhere else, so a test can tell whether a task blocked that thread, whatever the
/// other tests in the process do to Swift's global pool.
final class SerialTaskExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "sentra.tests.serial-executor")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
