namespace CSELearning.Web.Domain;

// An operation the domain refuses; its message is written for the person who asked for it.
public class DomainException(string message) : Exception(message);
