# fish completion for carve(1).
#
# carve answers itself, through System.CommandLine's [suggest:POSITION] directive: commands, subcommands, options,
# the values an option allows, and guest names for commands that take a guest (carve asks the daemon the line would
# talk to, and gives up silently after a second and a half). Options are offered once a word starts with '-';
# where carve has nothing to offer, file names are.

function __carve_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    set -l line (string join ' ' -- $tokens[2..-1] $current)
    set -l suggestions ($tokens[1] "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null)
    set -l shown
    for s in $suggestions
        switch $s
            case '' '-?' '/?' '/h'
                continue
            case '-*'
                string match -q -- '-*' $current; or continue
            case '*'
                string match -q -- '-*' $current; and continue
        end
        set -a shown $s
    end
    if test (count $shown) -eq 0; and not string match -q -- '-*' $current
        __fish_complete_path $current
    else
        printf '%s\n' $shown
    end
end

complete -c carve -f -a '(__carve_complete)'
