#pragma once
// The command line: parses arguments, dispatches to a command, and is the one place where
// errors become messages on stderr and exit statuses.
namespace coach::cli {

// Exit statuses of the contract.
constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitBadInput = 2;

int run(int argc, char** argv);

}  // namespace coach::cli
