namespace CSELearning.IntegrationTests.Infrastructure;

/// <summary>Base for test classes: every test starts from an empty, migrated database.</summary>
public abstract class IntegrationTest(AppFactory factory) : IAsyncLifetime
{
    protected AppFactory Factory { get; } = factory;

    public Task InitializeAsync() => Factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
