namespace CSELearning.Web.Domain;

/// <summary>An operation the domain refuses; its message is written for the person who asked for it.</summary>
public class DomainException(string message) : Exception(message);
