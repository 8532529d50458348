import Dispatch

/// A task executor whose jobs run on Dispatch's worker threads, for test code that waits for
/// processes and files.
///
/// Swift's cooperative threads are as many as the cores (two on CI): a test that blocks one of
/// them for minutes, waiting for `sentra sync`, halves what every other running test can await.
/// Dispatch adds workers when its own block. Unlike a plain `DispatchQueue.global().async`, a
/// task preferring this executor keeps its task-local values, so a failed `#expect` in the body
/// still belongs to the test that ran it.
final class BlockingExecutor: TaskExecutor {
    static let shared = BlockingExecutor()

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        DispatchQueue.global().async { job.runSynchronously(on: executor) }
    }
}

/// Runs `body`, which waits for processes, on a Dispatch worker rather than a cooperative thread
/// (``BlockingExecutor``), in the calling task.
///
/// ```swift
/// @Test(arguments: CentralStore.allCases) func star(_ kind: CentralStore) async throws {
///     try await blocking { try Self.star(kind) }
/// }
/// ```
func blocking<T>(_ body: () throws -> T) async throws -> T {
    try await withTaskExecutorPreference(BlockingExecutor.shared) { try body() }
}
