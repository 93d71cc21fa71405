"""The review desk of Sở Nội vụ (`cchc review`): the app and a module per screen."""
