import ArgumentParser; import SentraStore
@main struct Main { static func main() {} }
